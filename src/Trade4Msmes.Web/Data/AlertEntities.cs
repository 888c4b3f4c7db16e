namespace Trade4Msmes.Web.Data;

public enum NotificationDomain
{
    Sps = 1,
    Tbt = 2,
}

public enum NotificationType
{
    Regular = 1,
    Emergency = 2,
    Addendum = 3,
    Corrigendum = 4,
    Revision = 5,
    Supplement = 6,
}

// An SPS or TBT notification to the WTO, with the fields ePing shows. Addenda, corrigenda and revisions are
// notifications of their own whose symbol extends their parent's ("G/TBT/N/USA/1234/Add.1").
public class Notification
{
    public int Id { get; set; }
    public string DocumentSymbol { get; set; } = "";
    public string? ParentSymbol { get; set; }
    public NotificationDomain Domain { get; set; }
    public NotificationType Type { get; set; }

    // ISO3 of the notifying member (EUN for the European Union).
    public string MemberIso3 { get; set; } = "";
    public DateOnly DistributionDate { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? ProductsText { get; set; }

    // Space-separated HS codes (2, 4 or 6 digits) and ICS codes as notified.
    public string HsCodes { get; set; } = "";
    public string IcsCodes { get; set; } = "";
    public string? Objectives { get; set; }
    public string? Keywords { get; set; }
    public DateOnly? CommentDeadline { get; set; }
    public DateOnly? EntryIntoForce { get; set; }

    // One address per line: the notified documents.
    public string DocumentLinks { get; set; } = "";

    // The language the texts were notified in (en, fr or es).
    public string Language { get; set; } = "en";
    public string Source { get; set; } = "";

    // Folded title, description, products, objectives and keywords: what keyword search and alerts read.
    public string SearchText { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<NotificationHsCode> Codes { get; set; } = [];

    public bool OpenForCommentOn(DateOnly date) => CommentDeadline is { } deadline && deadline >= date;
}

// One HS code of a notification, for finding notifications by product with an index.
public class NotificationHsCode
{
    public long Id { get; set; }
    public int NotificationId { get; set; }
    public string Code { get; set; } = "";
}

// Someone who receives alerts, known by a confirmed email address (with or without an account).
public class Subscriber
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string Language { get; set; } = "en";
    public DateTime CreatedAt { get; set; }
    public List<Subscription> Subscriptions { get; set; } = [];
}

[Flags]
public enum AlertKinds
{
    None = 0,
    Sps = 1,
    Tbt = 2,
    Tariff = 4,
    All = Sps | Tbt | Tariff,
}

public enum AlertFrequency
{
    Immediate = 1,
    Daily = 2,
    Weekly = 3,
}

// What a subscriber wants to hear about. Criteria combine with "and"; the values of one criterion with "or";
// an empty criterion does not restrict.
public class Subscription
{
    public int Id { get; set; }
    public int SubscriberId { get; set; }

    // Space-separated HS 2022 codes of 2, 4 or 6 digits.
    public string Products { get; set; } = "";

    // Space-separated ISO3 codes and UN M49 region numbers.
    public string Markets { get; set; } = "";

    // One keyword or phrase per line.
    public string Keywords { get; set; } = "";
    public AlertKinds Kinds { get; set; }
    public AlertFrequency Frequency { get; set; }
    public DateTime CreatedAt { get; set; }

    // Null until the address's owner confirms through the emailed link (double opt-in).
    public DateTime? ConfirmedAt { get; set; }
}

public enum AlertEventKind
{
    Notification = 1,
    TariffSchedule = 2,
    CommentDeadline = 3,
}

// Something subscribers may need to hear about, recorded in the transaction that caused it and matched against
// subscriptions afterwards by AlertDispatcher (once, by whichever instance holds the lease).
public class AlertEvent
{
    public long Id { get; set; }
    public AlertEventKind Kind { get; set; }

    // The notification or tariff schedule the event is about.
    public int SubjectId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? MatchedAt { get; set; }
    public int Matched { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

// One rate of one national line that changed from one schedule version to the next.
public class TariffChange
{
    public long Id { get; set; }
    public int ScheduleId { get; set; }
    public string EconomyIso3 { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public string LineCode { get; set; } = "";

    // The HS 2022 subheadings of the line (more than one when the schedule uses HS 2017 and the code was split).
    public string Hs6 { get; set; } = "";
    public string Description { get; set; } = "";
    // Which duty changed: Mfn, Preferential, NonMfn, InternalTax, AdValoremEquivalent or Quota; Line when the
    // whole line was added or removed.
    public string Rate { get; set; } = "";
    public string? Programme { get; set; }
    public string? OldRate { get; set; }
    public string? NewRate { get; set; }
}

// An event matched to a subscriber, waiting for its email. One per subscriber and event, whatever the number of
// their subscriptions that match it: an event is never sent twice to the same person.
public class AlertItem
{
    public long Id { get; set; }
    public int SubscriberId { get; set; }
    public long EventId { get; set; }

    // For a tariff schedule: the space-separated national lines that matched.
    public string? Lines { get; set; }
    public DateTime CreatedAt { get; set; }

    // When the subscriber's most frequent matching subscription sends it: at once, or with the next digest.
    public DateTime DueAt { get; set; }
    public long? OutboxMessageId { get; set; }
}
