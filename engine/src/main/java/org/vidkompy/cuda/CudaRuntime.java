package org.vidkompy.cuda;

import static org.bytedeco.cuda.global.cudart.cuCtxPopCurrent;
import static org.bytedeco.cuda.global.cudart.cuCtxPushCurrent;
import static org.bytedeco.cuda.global.cudart.cuDeviceGet;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxRelease;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxRetain;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cuMemGetInfo;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.cudart.cuModuleUnload;

import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The GPU of one injector: device 0's primary context (shared with cuFFT, which uses the runtime API),
 * the kernels loaded from NVRTC-compiled PTX, and a lock, because a context is current per thread and
 * the analysis calls correlators and cost kernels from several threads. Every use of the device goes
 * through {@link #enter()}, which makes the context current and serialises callers; the GPU is one
 * device, so serialising costs nothing that running side by side would have won.
 */
public final class CudaRuntime implements AutoCloseable {

    /** Device memory one call may use at most (also never more than half of what is free). */
    static final long MAX_BUDGET = 1L << 30;

    private final CudaStatus status;
    private final int device;
    private final CUctx_st context = new CUctx_st();
    private final ReentrantLock lock = new ReentrantLock();
    private final CUmod_st costModule = new CUmod_st();
    private final CUmod_st znccModule = new CUmod_st();
    final CUfunc_st bandCost = new CUfunc_st();
    final CUfunc_st padPlanes = new CUfunc_st();
    final CUfunc_st conjMultiply = new CUfunc_st();
    final CUfunc_st znccNormalize = new CUfunc_st();
    private boolean retained;
    private boolean closed;

    private CudaRuntime(CudaStatus status, int device) {
        this.status = status;
        this.device = device;
    }

    /** Opens device 0 and loads the kernels; on failure releases what it took and throws {@link CudaException}. */
    static CudaRuntime open(CudaStatus status, PtxCache cache) {
        int[] dev = new int[1];
        CudaErrors.check(cuDeviceGet(dev, 0), "cuDeviceGet");
        CudaRuntime rt = new CudaRuntime(status, dev[0]);
        CudaErrors.check(cuDevicePrimaryCtxRetain(rt.context, dev[0]), "cuDevicePrimaryCtxRetain");
        rt.retained = true;
        try (Scope s = rt.enter()) {
            rt.load(rt.costModule, cache, KernelSources.BAND_COST);
            rt.load(rt.znccModule, cache, KernelSources.ZNCC);
            rt.function(rt.bandCost, rt.costModule, "band_cost");
            rt.function(rt.padPlanes, rt.znccModule, "pad_planes");
            rt.function(rt.conjMultiply, rt.znccModule, "conj_multiply");
            rt.function(rt.znccNormalize, rt.znccModule, "zncc_normalize");
        } catch (RuntimeException e) {
            rt.close();
            throw e;
        }
        return rt;
    }

    private void load(CUmod_st module, PtxCache cache, String file) {
        byte[] ptx = cache.ptx(file, KernelSources.read(file), status.arch());
        try (BytePointer image = new BytePointer(ptx)) {
            CudaErrors.check(cuModuleLoadData(module, image), "cuModuleLoadData(" + file + ")");
        }
    }

    private void function(CUfunc_st f, CUmod_st module, String name) {
        CudaErrors.check(cuModuleGetFunction(f, module, name), "cuModuleGetFunction(" + name + ")");
    }

    public CudaStatus status() {
        return status;
    }

    /** Scope of device use on this thread: context current, other threads waiting. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    Scope enter() {
        lock.lock();
        try {
            if (closed) {
                throw new CudaException("CUDA runtime already closed");
            }
            CudaErrors.check(cuCtxPushCurrent(context), "cuCtxPushCurrent");
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
        return () -> {
            try {
                cuCtxPopCurrent(new CUctx_st());
            } finally {
                lock.unlock();
            }
        };
    }

    void launch(CUfunc_st f, LaunchGeometry g, KernelArgs args, String name) {
        CudaErrors.check(cuLaunchKernel(f, g.gridX(), g.gridY(), g.gridZ(), g.blockX(), 1, 1, 0,
                (CUstream_st) null, args.pointers(), (PointerPointer<?>) null), "cuLaunchKernel(" + name + ")");
    }

    /** Bytes a call may allocate now: half of the free memory, at most {@link #MAX_BUDGET}. Inside a scope. */
    long budget() {
        try (SizeTPointer free = new SizeTPointer(1); SizeTPointer total = new SizeTPointer(1)) {
            CudaErrors.check(cuMemGetInfo(free, total), "cuMemGetInfo");
            return Math.min(MAX_BUDGET, free.get() / 2);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (!retained) {
                return;
            }
            // Modules belong to the context, which must be current to unload them. Errors are
            // ignored: this runs when giving the GPU up, often after a failure.
            if (cuCtxPushCurrent(context) == org.bytedeco.cuda.global.cudart.CUDA_SUCCESS) {
                if (!costModule.isNull()) {
                    cuModuleUnload(costModule);
                }
                if (!znccModule.isNull()) {
                    cuModuleUnload(znccModule);
                }
                cuCtxPopCurrent(new CUctx_st());
            }
            cuDevicePrimaryCtxRelease(device);
        } finally {
            lock.unlock();
        }
    }
}
