using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Accounts;

public enum TokenCheck
{
    Valid,
    Missing,

    // Unknown, revoked or malformed: the same answer for each, so a guesser learns nothing.
    Invalid,

    // A real token, but issued for another economy.
    OtherEconomy,
}

// Per-economy tokens for automatic transmission. An official creates one, sees it once, and may revoke it;
// the database keeps only its SHA-256 and is read on every use, so a revocation applies to the next request.
public sealed partial class ApiTokens(AppDbContext db, TimeProvider clock, ILogger<ApiTokens> logger)
{
    public const string Prefix = "t4m_";
    public const int MaxNameLength = 100;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(ApiToken Token, string Secret)> CreateAsync(Caller official, string economy, string name, CancellationToken ct)
    {
        if (!official.IsOfficialFor(economy))
        {
            throw new UnauthorizedAccessException($"Account {official.Id} does not act for {economy}.");
        }
        var secret = Secrets.New(Prefix);
        var token = new ApiToken
        {
            EconomyIso3 = economy,
            Name = name,
            Prefix = secret[..(Prefix.Length + 6)],
            TokenHash = Secrets.Hash(secret),
            CreatedBy = official.Id,
            CreatedAt = Now,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, official.Actor, "api-token.created", $"api-token/{token.Id}", economy, newValues: new { token.Name, token.Prefix }, at: Now);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    // The tokens of the economies this official acts for.
    public async Task<IReadOnlyList<ApiToken>> ListAsync(Caller official, CancellationToken ct)
    {
        var economies = official.Economies.ToList();
        return await db.ApiTokens.Where(t => economies.Contains(t.EconomyIso3))
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt).ToListAsync(ct);
    }

    // False when there is no such token among this official's economies (or it is already revoked).
    public async Task<bool> RevokeAsync(Caller official, int tokenId, CancellationToken ct)
    {
        var economies = official.Economies.ToList();
        var now = Now;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && economies.Contains(t.EconomyIso3) && t.RevokedAt == null, ct);
        if (token is null)
        {
            return false;
        }
        await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        AuditLog.Record(db, official.Actor, "api-token.revoked", $"api-token/{token.Id}", token.EconomyIso3,
            new { token.Name, RevokedAt = (DateTime?)null }, new { token.Name, RevokedAt = now }, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // Reads "Authorization: Bearer t4m_…" and checks it may act for the economy.
    public async Task<(TokenCheck Check, ApiToken? Token)> AuthenticateAsync(HttpRequest request, string economy, CancellationToken ct)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return (TokenCheck.Missing, null);
        }
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            LogRefused("malformed", economy);
            return (TokenCheck.Invalid, null);
        }
        var hash = Secrets.Hash(secret);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.RevokedAt is not null)
        {
            LogRefused(token is null ? "unknown" : $"revoked token {token.Id}", economy);
            return (TokenCheck.Invalid, null);
        }
        if (token.EconomyIso3 != economy)
        {
            LogRefused($"token {token.Id} is for {token.EconomyIso3}", economy);
            return (TokenCheck.OtherEconomy, token);
        }
        var now = Now;
        await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return (TokenCheck.Valid, token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an API token for {Economy}: {Reason}")]
    partial void LogRefused(string reason, string economy);
}
