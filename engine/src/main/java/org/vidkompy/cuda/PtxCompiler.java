package org.vidkompy.cuda;

import java.util.List;

/** Compiles CUDA C to PTX: NVRTC in production, a fake in the cache tests. */
interface PtxCompiler {

    /** Identifies the compiler build; part of the cache key, since another NVRTC may emit other PTX. */
    String version();

    byte[] compile(String name, String source, List<String> options);
}
