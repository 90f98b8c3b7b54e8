using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/SpineDesk.Benchmarks -- --filter '*' --job short
// (see docs/benchmarks.md for the figures and the machine they came from).
BenchmarkSwitcher.FromAssembly(typeof(SpineDesk.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
