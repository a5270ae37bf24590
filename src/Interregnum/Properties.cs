using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Interregnum.Tests")]
[assembly: InternalsVisibleTo("Interregnum.Benchmarks")]
