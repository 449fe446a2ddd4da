"""Run every benchmark and print its figures."""

from bench import bench_corpus, bench_drafts, bench_edit, bench_exe, bench_model, bench_pdf

if __name__ == "__main__":
    bench_model.main()
    bench_corpus.main()
    bench_edit.main()
    bench_drafts.main()
    bench_pdf.main()
    bench_exe.main()
