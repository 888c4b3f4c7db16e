namespace Trade4Msmes.Web.Features.Content;

// A content page ready to show: the entry (for its title, summary and translations) and its rendered body.
public sealed record ContentView(ContentEntry Entry, string Html);
