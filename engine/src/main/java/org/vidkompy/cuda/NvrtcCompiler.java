package org.vidkompy.cuda;

import static org.bytedeco.cuda.global.nvrtc.NVRTC_SUCCESS;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTX;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTXSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcVersion;

import java.util.List;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/** {@link PtxCompiler} through NVRTC (libnvrtc.so.13); a compile error carries NVRTC's log. */
final class NvrtcCompiler implements PtxCompiler {

    @Override
    public String version() {
        int[] major = new int[1];
        int[] minor = new int[1];
        CudaErrors.checkNvrtc(nvrtcVersion(major, minor), "nvrtcVersion");
        return "nvrtc " + major[0] + "." + minor[0];
    }

    @Override
    public byte[] compile(String name, String source, List<String> options) {
        _nvrtcProgram prog = new _nvrtcProgram();
        try (BytePointer src = new BytePointer(source);
             BytePointer n = new BytePointer(name)) {
            CudaErrors.checkNvrtc(nvrtcCreateProgram(prog, src, n, 0, (PointerPointer<?>) null, (PointerPointer<?>) null),
                    "nvrtcCreateProgram(" + name + ")");
        }
        try (PointerPointer<BytePointer> opts = new PointerPointer<>(options.toArray(new String[0]))) {
            int rc = nvrtcCompileProgram(prog, options.size(), opts);
            if (rc != NVRTC_SUCCESS) {
                throw new CudaException("NVRTC could not compile " + name + " " + options + ":\n" + log(prog));
            }
            try (SizeTPointer size = new SizeTPointer(1)) {
                CudaErrors.checkNvrtc(nvrtcGetPTXSize(prog, size), "nvrtcGetPTXSize");
                byte[] ptx = new byte[(int) size.get()];
                CudaErrors.checkNvrtc(nvrtcGetPTX(prog, ptx), "nvrtcGetPTX");
                return ptx; // NUL-terminated, as cuModuleLoadData wants it
            }
        } finally {
            nvrtcDestroyProgram(prog);
        }
    }

    private static String log(_nvrtcProgram prog) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            if (nvrtcGetProgramLogSize(prog, size) != NVRTC_SUCCESS) {
                return "(no log)";
            }
            byte[] log = new byte[(int) size.get()];
            nvrtcGetProgramLog(prog, log);
            return new String(log, 0, Math.max(0, log.length - 1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
