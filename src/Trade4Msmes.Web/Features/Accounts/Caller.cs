using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Accounts;

// The signed-in person for this request, read from the database on every request (roles included), so a
// revoked role or a "sign out everywhere" takes effect at once rather than when a cookie expires.
public sealed record Caller(int Id, string Email, string DisplayName, string Language, IReadOnlyList<AccountRole> Roles)
{
    public bool IsEditor => Roles.Any(r => r.Role == Role.Editor);

    // The economies this person acts for as an official, in alphabetical order.
    public IReadOnlyList<string> Economies { get; } = Roles
        .Where(r => r.Role == Role.EconomyOfficial && r.EconomyIso3 is not null)
        .Select(r => r.EconomyIso3!).Distinct().Order(StringComparer.Ordinal).ToList();

    public bool IsOfficial => Economies.Count > 0;

    public bool IsOfficialFor(string economy) => Economies.Contains(economy, StringComparer.Ordinal);

    public Actor Actor => new($"account {Id} <{Email}>", Id);

    public static Caller From(Account account) => new(account.Id, account.Email, account.DisplayName, account.Language, account.Roles);
}

public static class CallerExtensions
{
    public static Caller? Caller(this HttpContext context) => context.Items[typeof(Caller)] as Caller;
}
