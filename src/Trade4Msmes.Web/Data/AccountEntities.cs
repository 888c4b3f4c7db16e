namespace Trade4Msmes.Web.Data;

// A person who signs in. Instants are UTC DateTime, so both engines can compare them in SQL (expiry, lockout).
public class Account
{
    public int Id { get; set; }

    // Lower-cased and trimmed: one address, one account.
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";

    // Null until the owner sets one (an editor created from the command line sets it through an emailed link).
    public string? PasswordHash { get; set; }
    public DateTime? EmailConfirmedAt { get; set; }

    // Changes on every password change and on "sign out everywhere"; a cookie carrying an older stamp is refused.
    public string SecurityStamp { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? DisabledAt { get; set; }
    public string Language { get; set; } = "en";
    public DateTime CreatedAt { get; set; }
    public List<AccountRole> Roles { get; set; } = [];
}

public enum Role
{
    // The secretariat: curates content, reviews and publishes submissions, manages accounts.
    Editor = 1,

    // Submits and updates one economy's data; one row per economy.
    EconomyOfficial = 2,

    // Manages their own alerts.
    Subscriber = 3,
}

public class AccountRole
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Role Role { get; set; }

    // The economy an official acts for; null for the other roles.
    public string? EconomyIso3 { get; set; }
    public DateTime GrantedAt { get; set; }
}

public enum LinkPurpose
{
    ConfirmEmail = 1,
    ResetPassword = 2,
}

// An emailed, expiring, single-use link. Only the SHA-256 of its secret is stored.
public class AccountLink
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public LinkPurpose Purpose { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

// Machine access for one economy's automatic transmissions; shown once, stored as a hash, revocable.
public class ApiToken
{
    public int Id { get; set; }
    public string EconomyIso3 { get; set; } = "";
    public string Name { get; set; } = "";

    // The token's first characters, so an official can tell their tokens apart without the secret.
    public string Prefix { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public int CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

// One change to published or submitted data, or to who may change it. Rows are never updated or deleted:
// the application only adds them, and database triggers refuse anything else.
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    // "account 12 <official@example.org>", "API token 3 (KEN)", "command line".
    public string Actor { get; set; } = "";
    public int? ActorAccountId { get; set; }
    public string Action { get; set; } = "";

    // What changed: "account/12", "submission/5", "tariff-schedule/KEN/3".
    public string Subject { get; set; } = "";
    public string? EconomyIso3 { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
}

// ASP.NET Core data-protection keys, shared by every app instance so each accepts the others' cookies and forms.
public class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}

// A fixed-window counter for the rate limits that must hold across instances (sign-in, sign-up, reset, forms).
public class RateLimitCounter
{
    public string Key { get; set; } = "";
    public DateTime WindowStart { get; set; }
    public int Count { get; set; }
}

// An email recorded in the same transaction as the change that causes it, sent afterwards by OutboxSender.
public class OutboxMessage
{
    public long Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    // Unique when set: the same event is never queued twice for the same person.
    public string? DedupeKey { get; set; }

    // The address a mail client may POST to for one-click unsubscription (alerts only).
    public string? ListUnsubscribe { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }

    // Null once sent, or after the last attempt failed.
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    // The instance sending it and until when; another instance takes over after a crash once the lease ends.
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

public enum SubmissionState
{
    Draft = 1,
    Submitted = 2,
    Published = 3,
    Returned = 4,
}

// Something an economy official writes for publication, reviewed by an editor. The current text is the last
// revision; every save, submission, return and publication adds a revision, so nothing is overwritten.
public class Submission
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public string EconomyIso3 { get; set; } = "";
    public string Title { get; set; } = "";
    public SubmissionState State { get; set; }

    // The working content as JSON (field name → text), as the submitter last saved it.
    public string Content { get; set; } = "{}";

    // The content the public sees: the last published revision's, or null before the first publication.
    public string? PublishedContent { get; set; }
    public int PublishedVersion { get; set; }
    public int CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? ReviewComment { get; set; }
    public List<SubmissionRevision> Revisions { get; set; } = [];
}

public enum RevisionEvent
{
    Saved = 1,
    Submitted = 2,
    Returned = 3,
    Published = 4,
}

public class SubmissionRevision
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int Number { get; set; }
    public RevisionEvent Event { get; set; }
    public string Content { get; set; } = "{}";

    // Set on publication: 1 for the first published version, 2 for the next …
    public int? PublishedVersion { get; set; }
    public int By { get; set; }
    public DateTime At { get; set; }
    public string? Comment { get; set; }
}
