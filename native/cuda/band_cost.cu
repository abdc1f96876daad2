// Temporal cost: the CUDA twin of org.vidkompy.temporal.CpuCostKernel.
//
// Compiled at run time by NVRTC (and by nvcc --ptx at build time, as a syntax check), so this file
// includes nothing: NVRTC has no host headers.
//
// Bit-identical to the CPU on purpose: the dot product is exact in int32 (|v| <= 127, dim <= 4096),
// and the two float operations use explicit round-to-nearest intrinsics so that no fused multiply-add
// changes the last bit. Identical costs give identical Viterbi paths, which the GPU test demands.

extern "C" __global__ void band_cost(
        const signed char* __restrict__ fgVec,  // uploaded fg rows, row r at (r - 0) * dim
        const float* __restrict__ fgInv,        // inverse norms of the uploaded fg rows
        const signed char* __restrict__ bgVec,  // uploaded bg columns [bgCol0, bgCol0 + bgCols)
        const float* __restrict__ bgInv,
        int bgCol0, int bgCols, int bgSize,
        const int* __restrict__ lo,             // band columns of each uploaded row, inclusive
        const int* __restrict__ hi,
        const int* __restrict__ off,            // first output cell of each row, relative to the chunk
        int rows, int dim,
        float* __restrict__ out) {
    int row = blockIdx.y;
    if (row >= rows) {
        return;
    }
    int k = blockIdx.x * blockDim.x + threadIdx.x;
    int width = hi[row] - lo[row] + 1;
    if (k >= width) {
        return;
    }
    int j = lo[row] + k;
    float n = 0.0f;
    int c = j - bgCol0;
    if (j >= 0 && j < bgSize && c >= 0 && c < bgCols) {
        n = __fmul_rn(fgInv[row], bgInv[c]);
    }
    float cost;
    if (n == 0.0f) {
        cost = __int_as_float(0x7fc00000); // Float.NaN: no evidence (virtual column or flat frame)
    } else {
        const signed char* a = fgVec + (long long) row * dim;
        const signed char* b = bgVec + (long long) c * dim;
        int dot = 0;
        for (int e = 0; e < dim; e++) {
            dot += (int) a[e] * (int) b[e];
        }
        cost = __fsub_rn(1.0f, __fmul_rn(__int2float_rn(dot), n));
    }
    out[off[row] + k] = cost;
}
