package org.vidkompy.cli;

import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures what it prints. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        return with(new Module[0], args);
    }

    /** With engine seams replaced (see {@link Cli#execute(String[], PrintWriter, PrintWriter, Module...)}). */
    static CliRun with(Module[] modules, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), modules);
        return new CliRun(code, out.toString(), err.toString());
    }
}
