package org.poetexplorer.cli;

import java.io.IOException;
import java.io.Writer;
import org.poetexplorer.model.Printable;

/** Everything the command line prints passes here: control characters from files reach the terminal escaped. */
final class PrintableWriter extends Writer {
    private final Writer to;

    PrintableWriter(Writer to) {
        this.to = to;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        to.write(Printable.escape(new String(text, offset, length)));
    }

    @Override
    public void flush() throws IOException {
        to.flush();
    }

    @Override
    public void close() throws IOException {
        to.close();
    }
}
