// Spatial search: the kernels around cuFFT for the CUDA twin of org.vidkompy.spatial.CpuCorrelator.
// Double precision throughout, like the CPU reference, so that surfaces agree to ~1e-9 and peaks
// (and hence placements) agree; a float variant would be faster on consumer GPUs but must first
// show on real footage that it keeps placements within 0.1 px.
//
// Compiled at run time by NVRTC (and by nvcc --ptx at build time as a syntax check): no includes.

// Writes planes (float, w x h, one after another) into zero-padded double grids (gw x gh each),
// subtracting a per-plane offset (the template mean; 0 for images).
extern "C" __global__ void pad_planes(
        const float* __restrict__ planes, int w, int h,
        const double* __restrict__ offsets,
        double* __restrict__ grids, int gw, int gh, int count) {
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y;
    int p = blockIdx.z;
    if (x >= gw || y >= gh || p >= count) {
        return;
    }
    double v = 0.0;
    if (x < w && y < h) {
        v = (double) planes[(long long) p * w * h + (long long) y * w + x] - offsets[p];
    }
    grids[(long long) p * gw * gh + (long long) y * gw + x] = v;
}

// Correlation in frequency space: product of each image spectrum with the conjugate template spectrum.
// Spectra are interleaved (re, im) doubles, `bins` complex values each.
extern "C" __global__ void conj_multiply(
        const double* __restrict__ images, const double* __restrict__ tpl,
        double* __restrict__ out, int bins, int count) {
    long long k = (long long) blockIdx.x * blockDim.x + threadIdx.x;
    int p = blockIdx.y;
    if (k >= bins || p >= count) {
        return;
    }
    long long a = ((long long) p * bins + k) * 2;
    double ar = images[a];
    double ai = images[a + 1];
    double tr = tpl[2 * k];
    double ti = tpl[2 * k + 1];
    out[a] = ar * tr + ai * ti;
    out[a + 1] = ai * tr - ar * ti;
}

// ZNCC of every valid placement from the unnormalised inverse transform (cuFFT does not divide by
// gw * gh) and the summed-area tables of image values and squares ((w + 1) x (h + 1) doubles each).
extern "C" __global__ void zncc_normalize(
        const double* __restrict__ corr, int gw, int gh, double scale,
        const double* __restrict__ sums, const double* __restrict__ sumSqs, int w, int h,
        int tw, int th, double tplNorm, double minWindowVar,
        float* __restrict__ surfaces, int count) {
    int pw = w - tw + 1;
    int ph = h - th + 1;
    int px = blockIdx.x * blockDim.x + threadIdx.x;
    int py = blockIdx.y;
    int p = blockIdx.z;
    if (px >= pw || py >= ph || p >= count) {
        return;
    }
    int stride = w + 1;
    long long tableBase = (long long) p * stride * (h + 1);
    const double* s = sums + tableBase;
    const double* q = sumSqs + tableBase;
    int a = py * stride + px;
    int b = (py + th) * stride + px;
    double sum = s[b + tw] - s[b] - s[a + tw] + s[a];
    double sumSq = q[b + tw] - q[b] - q[a + tw] + q[a];
    double n = (double) tw * th;
    double windowVar = sumSq - sum * sum / n;
    float z = 0.0f;
    if (tplNorm > 0.0 && windowVar > minWindowVar) {
        double c = corr[(long long) p * gw * gh + (long long) py * gw + px] * scale;
        // Intrinsics rather than sqrt/fmin/fmax: they need no header under NVRTC, and __dsqrt_rn is the
        // correctly rounded root that Java's Math.sqrt also is.
        double v = c / (tplNorm * __dsqrt_rn(windowVar));
        z = (float) (v < -1.0 ? -1.0 : (v > 1.0 ? 1.0 : v));
    }
    surfaces[(long long) p * pw * ph + (long long) py * pw + px] = z;
}
