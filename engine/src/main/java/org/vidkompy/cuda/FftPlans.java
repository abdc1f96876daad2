package org.vidkompy.cuda;

import static org.bytedeco.cuda.global.cufft.CUFFT_D2Z;
import static org.bytedeco.cuda.global.cufft.CUFFT_Z2D;
import static org.bytedeco.cuda.global.cufft.cufftDestroy;
import static org.bytedeco.cuda.global.cufft.cufftExecD2Z;
import static org.bytedeco.cuda.global.cufft.cufftExecZ2D;
import static org.bytedeco.cuda.global.cufft.cufftPlanMany;

import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cudart.double2;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Batched 2-D real transforms of {@code gh x gw} grids with cuFFT, one plan per direction and batch
 * size, made on first use and destroyed by {@link #close()} (plans hold device work memory). The
 * layout is cuFFT's basic one: grids {@code gw * gh} doubles apart, half spectra
 * {@code gh * (gw / 2 + 1)} complex values apart. The inverse is unnormalised.
 */
final class FftPlans implements AutoCloseable {

    private final int gw;
    private final int gh;
    private final Map<Long, Integer> plans = new HashMap<>();

    FftPlans(int gw, int gh) {
        this.gw = gw;
        this.gh = gh;
    }

    void forward(long grids, long spectra, int batch) {
        CudaErrors.checkFft(cufftExecD2Z(plan(CUFFT_D2Z, batch), new DoublePointer(new DeviceAddress(grids)),
                new double2(new DeviceAddress(spectra))), "cufftExecD2Z");
    }

    void inverse(long spectra, long grids, int batch) {
        CudaErrors.checkFft(cufftExecZ2D(plan(CUFFT_Z2D, batch), new double2(new DeviceAddress(spectra)),
                new DoublePointer(new DeviceAddress(grids))), "cufftExecZ2D");
    }

    private int plan(int type, int batch) {
        long key = ((long) type << 32) | batch;
        Integer p = plans.get(key);
        if (p == null) {
            int[] handle = new int[1];
            int[] n = {gh, gw};
            int spectrum = gh * (gw / 2 + 1);
            int grid = gw * gh;
            int idist = type == CUFFT_D2Z ? grid : spectrum;
            int odist = type == CUFFT_D2Z ? spectrum : grid;
            CudaErrors.checkFft(cufftPlanMany(handle, 2, n, null, 1, idist, null, 1, odist, type, batch),
                    "cufftPlanMany(" + gw + "x" + gh + " x" + batch + ")");
            p = handle[0];
            plans.put(key, p);
        }
        return p;
    }

    @Override
    public void close() {
        for (int p : plans.values()) {
            cufftDestroy(p);
        }
        plans.clear();
    }
}
