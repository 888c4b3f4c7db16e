using System.Text.Json;

namespace Trade4Msmes.Web.Data;

// Who did what to which data. Entries are added to the same unit of work as the change they describe, so a
// change and its audit entry are saved together or not at all.
public static class AuditLog
{
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Record(AppDbContext db, Actor actor, string action, string subject, string? economy = null,
        object? oldValues = null, object? newValues = null, DateTime? at = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at ?? DateTime.UtcNow,
            Actor = actor.Label,
            ActorAccountId = actor.AccountId,
            Action = action,
            Subject = subject,
            EconomyIso3 = economy,
            OldValues = oldValues is null ? null : JsonSerializer.Serialize(oldValues, Json),
            NewValues = newValues is null ? null : JsonSerializer.Serialize(newValues, Json),
        });
}

// The one who made a change: a signed-in account, an economy's API token, the command line or the app itself.
public sealed record Actor(string Label, int? AccountId = null)
{
    public static readonly Actor CommandLine = new("command line");
    public static readonly Actor System = new("system");

    public static Actor For(Account account) => new($"account {account.Id} <{account.Email}>", account.Id);

    public static Actor For(ApiToken token) => new($"API token {token.Id} “{token.Name}” ({token.EconomyIso3})");
}
