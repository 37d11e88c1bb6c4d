"""What an analyst would do instead of Scrollstop's import: pandas `read_csv` + `to_sql` into
a new SQLite file. Prints the seconds each step took and the total, as `pandas_seconds=...` on
the last line for benches/compare-import.sh.

Usage: python3 benches/pandas_compare.py HISTORY.csv OUT.sqlite
Needs pandas (and numpy): `python3 -m pip install pandas numpy`."""
import sqlite3
import sys
import time


def main():
    try:
        import pandas as pd
    except ImportError:
        sys.exit("pandas is not installed: python3 -m pip install pandas numpy")
    csv_path, db_path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    frame = pd.read_csv(csv_path)
    read = time.perf_counter()
    with sqlite3.connect(db_path) as con:
        frame.to_sql("videos", con, index=False, if_exists="replace", chunksize=100_000)
        con.commit()
    done = time.perf_counter()
    print(f"pandas {pd.__version__}: read_csv {read - start:.2f} s, to_sql {done - read:.2f} s, "
          f"{len(frame)} rows")
    print(f"pandas_seconds={done - start:.3f}")


if __name__ == "__main__":
    main()
