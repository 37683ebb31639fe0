#!/bin/sh
# Runs a Kafka main class with the broker's jars, as bin/kafka-run-class.sh of the Kafka distribution does; the
# tools log warnings only, unless KAFKA_TOOLS_LOG4J_LOGLEVEL says otherwise.
KAFKA_LOG4J_ROOT_LOGLEVEL=${KAFKA_TOOLS_LOG4J_LOGLEVEL:-WARN} exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_OPTS:-} \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
  -cp '/opt/kafka/libs/*' "$@"
