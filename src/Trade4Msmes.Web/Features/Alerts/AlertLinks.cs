using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Email;

namespace Trade4Msmes.Web.Features.Alerts;

public enum AlertLink
{
    // Confirms one subscription (double opt-in).
    Confirm,

    // Opens the preferences page of one subscriber.
    Manage,

    // Stops every alert to one subscriber, from the link in each message or the mail client's one-click button.
    Unsubscribe,
}

public enum AlertLinkProblem
{
    Invalid,
    Expired,
}

// Signed links in alert emails. The signature is ASP.NET Core data protection with the keys all instances share
// (in the database); the expiry is inside the signed text and read with the app's clock.
public sealed class AlertLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<SiteOptions> site)
{
    readonly IDataProtector protector = protection.CreateProtector("Trade4Msmes.Alerts.Links.v1");

    public static TimeSpan Lifetime(AlertLink link) => link switch
    {
        AlertLink.Confirm => TimeSpan.FromDays(7),
        AlertLink.Manage => TimeSpan.FromDays(30),
        // Long enough for an old digest's link to still work.
        _ => TimeSpan.FromDays(400),
    };

    public string Token(AlertLink link, int id)
    {
        var expires = (clock.GetUtcNow() + Lifetime(link)).ToUnixTimeSeconds();
        return protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{link}:{id}:{expires}"));
    }

    public string Url(AlertLink link, int id, string lang) =>
        site.Value.Link($"/{lang}/alerts/{link.ToString().ToLowerInvariant()}?token={Token(link, id)}");

    // The subscriber or subscription id a link stands for, or why it cannot be used.
    public (int Id, AlertLinkProblem? Problem) Read(AlertLink link, string? token)
    {
        string text;
        try
        {
            text = string.IsNullOrWhiteSpace(token) || token.Length > 1000 ? "" : protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return (0, AlertLinkProblem.Invalid);
        }
        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != link.ToString()
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires))
        {
            return (0, AlertLinkProblem.Invalid);
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() > expires ? (id, AlertLinkProblem.Expired) : (id, null);
    }
}
