#!/usr/bin/env bash
# CPU per stage of one invoice PDF/A-3 (XML, QR code, page model, PDFBox layout, Mustang), on one thread, without
# the server. Prints a Markdown table. Usage: bench/invoice-rendering.sh [renders, default 400]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.o2c.invoicing.rendering.RenderingProfile "${1:-400}" 2>/dev/null | grep -v DEBUG
