using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;

namespace Trade4Msmes.Web.Importing;

// The reference data under data/ is embedded in the executable, so a deployment is one folder
// and nothing at run time reads outside it. Names are paths relative to data/, e.g. "hs/hs2022.csv.gz".
public static class ShippedData
{
    static readonly Assembly Assembly = typeof(ShippedData).Assembly;
    const string Prefix = "data/";

    public static Stream Open(string name)
    {
        var stream = Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new FileNotFoundException($"Shipped data file '{name}' is not embedded in the application.");
        return name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    public static StreamReader OpenText(string name) => new(Open(name), detectEncodingFromByteOrderMarks: true);

    public static bool Exists(string name) => Assembly.GetManifestResourceInfo(Prefix + name) is not null;

    // Hash of the stored (possibly compressed) bytes: changes whenever a shipped file changes.
    public static string Fingerprint(IEnumerable<string> names, IEnumerable<string> salt)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var value in salt)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(value + "\n"));
        }
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            using var stream = Assembly.GetManifestResourceStream(Prefix + name)
                ?? throw new FileNotFoundException($"Shipped data file '{name}' is not embedded in the application.");
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                sha.AppendData(buffer.AsSpan(0, read));
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
