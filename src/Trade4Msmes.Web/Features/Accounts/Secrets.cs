using System.Security.Cryptography;
using System.Text;

namespace Trade4Msmes.Web.Features.Accounts;

// Secrets for links and API tokens: 256 random bits, URL-safe. They are stored only as SHA-256 hashes; a fast
// hash is enough because, unlike a password, a random 256-bit secret cannot be guessed from a dictionary.
public static class Secrets
{
    public static string New(string prefix = "") => prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
