namespace Trade4Msmes.Web;

// Marker for IStringLocalizer<SharedResource>: the English text is the key, SharedResource.{fr,es}.resx translate it.
public sealed class SharedResource;
