using System.Security.Cryptography;
using System.Text;

namespace Interregnum.Store;

/// <summary>The content hash that identifies a scenario text: SHA-256 of its UTF-8 bytes, lowercase hex.</summary>
public static class ContentHash
{
    /// <summary>SHA-256 of <paramref name="text"/> encoded as UTF-8 (no byte order mark), as 64 lowercase hex digits.</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
