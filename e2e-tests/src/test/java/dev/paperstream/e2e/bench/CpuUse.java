package dev.paperstream.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.e2e.support.Pipeline;

/**
 * Where the two cores go during a run: CPU time (user + system) of each service, the broker, PostgreSQL's server
 * processes and the benchmark itself, per entry. CPU time, unlike wall time, compares runs made under different
 * loads, so it is the figure to profile against.
 */
final class CpuUse {

    private final Map<String, List<Long>> processes;
    private final Map<String, Duration> before;
    private final long startedAt = System.nanoTime();

    private CpuUse(Map<String, List<Long>> processes) {
        this.processes = processes;
        this.before = now(processes);
    }

    static CpuUse start(Map<String, List<Long>> processes) {
        return new CpuUse(processes);
    }

    /**
     * The pipeline's processes by role. PostgreSQL's are every process named {@code postgres} (its server and the
     * backends of every open connection; a backend that exits during the run takes its time with it).
     */
    static Map<String, List<Long>> processes(Pipeline pipeline) {
        Map<String, List<Long>> roles = new LinkedHashMap<>();
        for (ServiceProcess service : pipeline.services()) {
            roles.computeIfAbsent(service.name(), n -> new ArrayList<>()).add(service.pid());
        }
        List<Long> services = roles.values().stream().flatMap(List::stream).toList();
        // the broker is the one process the benchmark started that is not a service
        roles.put("kafka broker", ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .filter(pid -> !services.contains(pid)).toList());
        roles.put("postgresql", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("postgres")).map(ProcessHandle::pid).toList());
        roles.put("benchmark (client)", List.of(ProcessHandle.current().pid()));
        return roles;
    }

    void print(int entries) {
        Map<String, Duration> after = now(processes);
        double wall = (System.nanoTime() - startedAt) / 1e9;
        double total = 0;
        for (String role : processes.keySet()) {
            double seconds = after.get(role).minus(before.get(role)).toMillis() / 1000.0;
            total += seconds;
            System.out.printf("  cpu %-24s %7.1f s  %6.0f µs/entry%n", role, seconds, seconds * 1e6 / entries);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("  cpu %-24s %7.1f s  %6.0f µs/entry  (%.0f %% of %d cores over %.1f s)%n", "all",
                total, total * 1e6 / entries, 100 * total / wall / cores, cores, wall);
    }

    private static Map<String, Duration> now(Map<String, List<Long>> processes) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((role, pids) -> cpu.put(role, pids.stream()
                .map(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()))
                .map(d -> d.orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus)));
        return cpu;
    }
}
