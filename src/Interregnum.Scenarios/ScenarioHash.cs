using System.Security.Cryptography;

namespace Interregnum.Scenarios;

/// <summary>The content hash that identifies a scenario in stored runs: SHA-256 of the file's bytes, lowercase hex.</summary>
public static class ScenarioHash
{
    /// <summary>SHA-256 of <paramref name="bytes"/> as 64 lowercase hex digits.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>SHA-256 of the file's bytes as 64 lowercase hex digits.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
