using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/SpineDesk.Benchmarks -- --filter '*' --job short
// (or --filter '*Calendar*' / '*Scoring*' for one class)
// (see docs/benchmarks.md for the figures and the machine they came from).
BenchmarkSwitcher.FromAssembly(typeof(SpineDesk.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
