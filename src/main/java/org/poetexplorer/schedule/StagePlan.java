package org.poetexplorer.schedule;

/**
 * A solution of the stage formulation as 0/1 decisions per stage t and node i
 * (docs/model.md section 4): computed, in RAM at the start of the stage, on storage at the
 * start of the stage, paged in, paged out. Frees are implied by these. Immutable: the
 * accessors answer single entries; {@link #copyR()} etc. give copies.
 */
public final class StagePlan {
    private final boolean[][] r;
    private final boolean[][] sRam;
    private final boolean[][] sSd;
    private final boolean[][] mIn;
    private final boolean[][] mOut;

    public StagePlan(boolean[][] r, boolean[][] sRam, boolean[][] sSd, boolean[][] mIn, boolean[][] mOut) {
        int n = r.length;
        for (boolean[][] m : new boolean[][][] {r, sRam, sSd, mIn, mOut}) {
            if (m.length != n) {
                throw new IllegalArgumentException("stage matrices must all be " + n + " x " + n);
            }
            for (boolean[] row : m) {
                if (row.length != n) {
                    throw new IllegalArgumentException("stage matrices must all be " + n + " x " + n);
                }
            }
        }
        this.r = deepCopy(r);
        this.sRam = deepCopy(sRam);
        this.sSd = deepCopy(sSd);
        this.mIn = deepCopy(mIn);
        this.mOut = deepCopy(mOut);
    }

    private static boolean[][] deepCopy(boolean[][] m) {
        boolean[][] c = new boolean[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    public int size() {
        return r.length;
    }

    public boolean r(int t, int i) {
        return r[t][i];
    }

    public boolean sRam(int t, int i) {
        return sRam[t][i];
    }

    public boolean sSd(int t, int i) {
        return sSd[t][i];
    }

    public boolean mIn(int t, int i) {
        return mIn[t][i];
    }

    public boolean mOut(int t, int i) {
        return mOut[t][i];
    }

    public boolean[][] copyR() {
        return deepCopy(r);
    }

    public boolean[][] copySRam() {
        return deepCopy(sRam);
    }

    public boolean[][] copySSd() {
        return deepCopy(sSd);
    }

    public boolean[][] copyMIn() {
        return deepCopy(mIn);
    }

    public boolean[][] copyMOut() {
        return deepCopy(mOut);
    }

    /** SRam for stage T (after the last stage) is not part of the model: answers false. */
    public boolean keptAfter(int t, int i) {
        return t + 1 < r.length && sRam[t + 1][i];
    }
}
