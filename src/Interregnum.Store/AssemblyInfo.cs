using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Interregnum.Store.CrashWriter")]

namespace Interregnum.Store;
