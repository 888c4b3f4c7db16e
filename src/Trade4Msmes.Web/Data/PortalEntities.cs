namespace Trade4Msmes.Web.Data;

// A message from the contact form, or a resource someone suggests for the library, waiting in the editors' queue.
// The sender's address is kept only to answer them; it is never shown outside the editors' pages.
public class ContactMessage
{
    public long Id { get; set; }

    // "message" or "resource".
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Subject { get; set; } = "";
    public string? Url { get; set; }
    public string Text { get; set; } = "";
    public string Lang { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public DateTime? HandledAt { get; set; }
    public int? HandledByAccountId { get; set; }
}

// An editor's correction of a content file (content/COLLECTION/…SLUG.LANG.md), published at once over the shipped
// text. The newest row for a file wins; a row without text returns the file to the shipped text. Rows are never
// changed, so they are the file's history (the audit log records the same with old and new text).
public class ContentCorrection
{
    public long Id { get; set; }
    public string Collection { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Lang { get; set; } = "";
    public string? Text { get; set; }
    public string Note { get; set; } = "";
    public int EditedByAccountId { get; set; }
    public DateTime EditedAt { get; set; }
}
