// The benchmarks of DESIGN.md §8 arrive with the pipeline (cold start, orchestration overhead,
// parallel efficiency, prompt tokens per turn). Until then this says so and fails, so that no one
// mistakes it for a measurement.
console.error('npm run bench: the benchmarks arrive with the local pipeline (ensemble run); nothing was measured.');
process.exit(1);
