#!/usr/bin/env python3
"""Manual accuracy checks on real footage: fg/bg pairs cut from a real clip with an exact truth.

Not part of the test suite (tests make their own fixtures). The bg is the first BG_FRAMES frames of
a clip (or all, if fewer), re-encoded at BG_FPS; each fg is a crop of it, rescaled and graded, whose frames are an
explicit list of bg frames with their own durations (written through ffmpeg's concat demuxer), so
the bg frame under every fg frame and the placement are known exactly.

    python3 dev/realpairs.py make  SRC.mp4 WORKDIR            # bg.mp4, fg_<kind>.mp4, truth_<kind>.json
    python3 dev/realpairs.py score WORKDIR [kind ...]         # runs ./vidkompy analyze, prints one line a kind

FFMPEG names the ffmpeg program (the Bytedeco jar's, see the README's Benchmarks); LD_LIBRARY_PATH must
let it load. VIDKOMPY names the launcher (default ./vidkompy).
"""
import json
import os
import random
import subprocess
import sys
import time

BG_FRAMES = 480
BG_FPS = 24.0
TIMESCALE = 90000

# crop (x, y, w, h) as shares of the bg's size, the fg shrunk by `down`, plus a grade
VIEW_A = dict(crop=(0.3125, 0.2778, 0.5, 0.5), down=1.25, grade="eq=gamma=1.3:saturation=0.7")
VIEW_B = dict(crop=(0.2344, 0.1667, 0.625, 0.6667), down=4 / 3, grade="eq=contrast=1.2:saturation=1.3")
# a small inset: an eighth of the bg's width, not shrunk
VIEW_T = dict(crop=(0.55, 0.6, 0.125, 0.125), down=1, grade="eq=gamma=0.8")
# the whole picture over bg43.mp4, a 4:3 pan-and-scan of it: the fg overhangs left and right
VIEW_O = dict(crop=(0, 0, 1, 1), down=1.25, grade="eq=saturation=1.2", bg="bg43.mp4")


def ramp(speed_of, start, n, fps=24.0):
    """fg frames at `fps`; the bg moment advances by speed(i)/fps each frame."""
    out, t = [], start / BG_FPS
    for i in range(n):
        out.append((t, 1.0 / fps))
        t += speed_of(i) / fps
    return out


def phone(start, n, seed=7):
    """30 fps nominal with irregular drops and +-2 ms jitter, as phones write."""
    rnd, out, k = random.Random(seed), [], 0
    stamps = []
    while len(stamps) < n:
        k += 1 + (1 if rnd.random() < 0.12 else 0)
        stamps.append(k / 30.0 + rnd.uniform(-0.002, 0.002))
    for i, s in enumerate(stamps):
        nxt = stamps[i + 1] if i + 1 < len(stamps) else s + 1 / 30.0
        out.append((start / BG_FPS + s, nxt - s))
    return out


KINDS = {
    # name: (view, [(bg moment in s, fg duration in s)])
    "rampdown": (VIEW_A, ramp(lambda i: 1.0 - 0.4 * i / 200, 40, 200)),
    "rampup": (VIEW_B, ramp(lambda i: 1.0 + 0.6 * i / 200, 30, 200)),
    "double": (VIEW_A, ramp(lambda i: 1.0, 60, 300, fps=48.0)),
    "step": (VIEW_B, ramp(lambda i: 1.0 if i < 100 else 0.5, 50, 200)),
    "vfr": (VIEW_A, phone(20, 300)),
    "triple": (VIEW_B, ramp(lambda i: 1.0, 100, 300, fps=72.0)),
    "slow": (VIEW_A, ramp(lambda i: 0.25, 120, 240)),
    "fast": (VIEW_B, ramp(lambda i: 3.0, 10, 140)),
    "tiny": (VIEW_T, ramp(lambda i: 1.0, 30, 200, fps=30.0)),
    "overhang": (VIEW_O, ramp(lambda i: 1.0 if i < 120 else 1.5, 25, 200)),
}


def ffmpeg():
    return os.environ.get("FFMPEG", "ffmpeg")


def run(args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def make(src, work):
    frames = os.path.join(work, "frames")
    os.makedirs(frames, exist_ok=True)
    if not os.path.exists(os.path.join(frames, "f0001.png")):
        run([ffmpeg(), "-v", "error", "-y", "-i", src, "-frames:v", str(BG_FRAMES),
             "-start_number", "1", os.path.join(frames, "f%04d.png")])
    count = len([f for f in os.listdir(frames) if f.endswith(".png")])
    with open(os.path.join(frames, "f0001.png"), "rb") as f:
        head = f.read(24)
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    run([ffmpeg(), "-v", "error", "-y", "-framerate", str(BG_FPS), "-start_number", "1",
         "-i", os.path.join(frames, "f%04d.png"), "-c:v", "libx264", "-crf", "23",
         "-pix_fmt", "yuv420p", os.path.join(work, "bg.mp4")])
    side = int(round(height * 4 / 3 / 2)) * 2
    left = (width - side) // 2
    run([ffmpeg(), "-v", "error", "-y", "-framerate", str(BG_FPS), "-start_number", "1",
         "-i", os.path.join(frames, "f%04d.png"), "-vf", "crop=%d:%d:%d:0" % (side, height, left),
         "-c:v", "libx264", "-crf", "23", "-pix_fmt", "yuv420p", os.path.join(work, "bg43.mp4")])
    for kind, (view, moments) in KINDS.items():
        truth, lines = [], []
        for t, dur in moments:
            idx = int(t * BG_FPS + 0.5 + 1e-6)
            if idx >= count:
                break
            truth.append(idx)
            lines += ["file '%s'" % os.path.join(frames, "f%04d.png" % (idx + 1)),
                      "option framerate %d" % TIMESCALE, "duration %.6f" % dur]
        lst = os.path.join(work, "list_%s.txt" % kind)
        with open(lst, "w") as f:
            f.write("ffconcat version 1.0\n" + "\n".join(lines) + "\n")
        x, y, w, h = (int(round(v * d / 2)) * 2 for v, d in zip(view["crop"], (width, height, width, height)))
        fw, fh = int(round(w / view["down"] / 2)) * 2, int(round(h / view["down"] / 2)) * 2
        vf = "crop=%d:%d:%d:%d,scale=%d:%d:flags=bicubic,%s" % (w, h, x, y, fw, fh, view["grade"])
        run([ffmpeg(), "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", lst, "-vf", vf,
             "-fps_mode", "vfr", "-video_track_timescale", str(TIMESCALE), "-c:v", "libx264",
             "-crf", "20", "-pix_fmt", "yuv420p", os.path.join(work, "fg_%s.mp4" % kind)])
        with open(os.path.join(work, "truth_%s.json" % kind), "w") as f:
            bg = view.get("bg", "bg.mp4")
            shift = left if bg == "bg43.mp4" else 0
            json.dump({"bg": bg, "x": x - shift, "y": y, "scale": w / fw, "map": truth}, f)


def score(work, kinds):
    launcher = os.environ.get("VIDKOMPY", "./vidkompy")
    for kind in kinds or KINDS:
        with open(os.path.join(work, "truth_%s.json" % kind)) as f:
            truth = json.load(f)
        out = os.path.join(work, "a_%s.json" % kind)
        began = time.time()
        proc = subprocess.run([launcher, "analyze", os.path.join(work, truth.get("bg", "bg.mp4")),
                               os.path.join(work, "fg_%s.mp4" % kind), "--no-cache", "-q", "--force",
                               "-o", out], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        took = time.time() - began
        if proc.returncode != 0:
            print("%-9s exit %d: %s" % (kind, proc.returncode, proc.stderr.strip()[:200]))
            continue
        with open(out) as f:
            got = json.load(f)
        sp, mp = got["spatial"], got["temporal"]["map"]
        n = min(len(mp), len(truth["map"]))
        off = [mp[i] - truth["map"][i] for i in range(n)]
        exact = sum(1 for d in off if d == 0)
        print("%-9s %5.1f%% (%d/%d) worst %d  dx %+.3f dy %+.3f scale %+.3f%%  %.1f s" % (
            kind, 100.0 * exact / n, exact, n, max((abs(d) for d in off), default=0),
            sp["x"] - truth["x"], sp["y"] - truth["y"], 100.0 * (sp["scale"] / truth["scale"] - 1), took))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
