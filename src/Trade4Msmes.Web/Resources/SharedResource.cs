namespace Trade4Msmes.Web;

// Marker for IStringLocalizer<SharedResource>: the English text is the key, SharedResource.{fr,es}.resx translate it.
public sealed class SharedResource
{
    // Marks an English sentence kept in code and translated later, where it is shown, with L[...]: the
    // resource tests find it by this call and check it has its translations.
    public static string Phrase(string english) => english;
}
