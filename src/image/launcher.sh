#!/bin/sh
# POET Explorer launcher: no arguments opens the desktop app, arguments run the command line.
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "$here/bin/java" ${POET_JAVA_OPTS:-} \
  --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED \
  --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED \
  --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED \
  --add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED \
  --add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED \
  --add-exports=javafx.base/com.sun.javafx.collections=ALL-UNNAMED \
  --add-exports=javafx.base/com.sun.javafx.runtime=ALL-UNNAMED \
  --add-exports=javafx.graphics/com.sun.javafx.css=ALL-UNNAMED \
  --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED \
  -cp "$here/app/*" org.poetexplorer.Main "$@"
