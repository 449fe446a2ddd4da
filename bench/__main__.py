"""Run every benchmark and print its figures."""

from bench import bench_drafts, bench_model

if __name__ == "__main__":
    bench_model.main()
    bench_drafts.main()
