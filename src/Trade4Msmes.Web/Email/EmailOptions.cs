namespace Trade4Msmes.Web.Email;

// Settings "Email:*". Without a host (and without a pickup folder) messages wait in the outbox until one is set.
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool SmtpSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    // For development: write each message as an .eml file into this folder instead of sending it.
    public string? PickupDirectory { get; set; }
    public string From { get; set; } = "Trade4MSMEs <no-reply@localhost>";

    // How often the sender looks for due messages when nobody has just queued one.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    public int MaxAttempts { get; set; } = 8;

    // How long an instance keeps a message it is sending to itself; after a crash, another instance (or the
    // restarted one) sends it once this has passed.
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    public bool Configured => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupDirectory);
}

// Settings "Site:*": the public address used in links sent by email. It is configured rather than read from
// the request, so a forged Host header cannot send a password-reset link to someone else's site.
public sealed class SiteOptions
{
    public const string Section = "Site";

    public string BaseUrl { get; set; } = "http://localhost:5000";

    public string Link(string pathAndQuery) => BaseUrl.TrimEnd('/') + pathAndQuery;
}
