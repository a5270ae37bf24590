using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Interregnum.Reports.Tests")]

namespace Interregnum.Reports;
