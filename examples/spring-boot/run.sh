#!/usr/bin/env bash
# Builds and starts the Spring Boot example on http://localhost:8080.
#   examples/spring-boot/run.sh                    form login (users fiona, sam, ivan)
#   examples/spring-boot/run.sh resource-server    a JWT resource server; prints tokens to try
# Further arguments go to Spring Boot, such as --server.port=9090.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -pl examples/spring-boot -am package -DskipTests
profile="${1:-form}"
shift || true
exec java -jar examples/spring-boot/target/gatehouse-example-spring-boot.jar \
  --spring.profiles.active="$profile" "$@"
