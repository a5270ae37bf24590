using System.Text.Json.Serialization;

namespace Interregnum.Store;

/// <summary>
/// Source-generated JSON metadata (default settings) for what the store writes itself: the model parameters, the
/// arguments and quoted labels (issue 15: no reflection, so the Native AOT build reads and writes the same bytes).
/// </summary>
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
