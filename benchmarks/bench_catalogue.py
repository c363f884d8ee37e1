"""Import time of `routines` and load time of the full catalogue.

Run: python benchmarks/bench_catalogue.py [--runs N]

Targets (issue 2): `import routines` <= 80 ms and without reportlab or icalendar;
full catalogue load <= 30 ms warm. Figures are medians; ratios compare against
baselines measured in the same run (a bare interpreter start; plain tomllib
parsing of the same files).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from _timing import median_ms


def interpreter_ms(code: str, runs: int) -> float:
    return median_ms(lambda: subprocess.run([sys.executable, "-c", code], check=True), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    bare = interpreter_ms("pass", runs)
    with_import = interpreter_ms("import routines", runs)
    loaded = subprocess.run(
        [sys.executable, "-c", "import routines, sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    heavy = sorted({m.split(".")[0] for m in loaded} & {"reportlab", "icalendar", "cattrs"})
    print(f"interpreter start (baseline)     {bare:7.1f} ms")
    print(f"interpreter + import routines    {with_import:7.1f} ms")
    print(f"import routines alone            {with_import - bare:7.1f} ms   (target <= 80)")
    print(f"heavy modules loaded by import   {', '.join(heavy) or 'none'}")

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="routines-bench-")
    from routines import load_catalogue
    from routines.catalogue.load import builtin_exercises

    files = sorted(Path(str(builtin_exercises())).rglob("*.toml"))
    start = time.perf_counter()
    count = len(load_catalogue())
    first = (time.perf_counter() - start) * 1000
    warm = median_ms(load_catalogue, runs)
    os.environ["ROUTINES_CACHE"] = "off"
    uncached = median_ms(load_catalogue, runs)
    del os.environ["ROUTINES_CACHE"]
    parse_only = median_ms(lambda: [tomllib.loads(f.read_text()) for f in files], runs)
    print(f"\ncatalogue: {count} exercises in {len(files)} files")
    print(f"first load in a process (cold)   {first:7.1f} ms   (imports cattrs, fills the cache)")
    print(f"full load, warm                  {warm:7.1f} ms   (target <= 30)")
    print(f"full load, warm, cache off       {uncached:7.1f} ms")
    print(f"baseline: tomllib parse only     {parse_only:7.1f} ms   (no validation)")
    print(f"ratio warm load / parse only     {warm / parse_only:7.2f} x")


if __name__ == "__main__":
    main()
