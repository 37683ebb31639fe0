package dev.paperstream.notify.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, the system's in the service ({@link InetAddress#getAllByName}); tests may give their own. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
