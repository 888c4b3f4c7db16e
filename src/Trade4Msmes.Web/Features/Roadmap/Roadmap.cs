using Trade4Msmes.Web.Features.Content;

namespace Trade4Msmes.Web.Features.Roadmap;

// The business roadmap: numbered stops, each for goods, services or both; a trader follows one track.
public static class Roadmap
{
    public const string Goods = "goods";
    public const string Services = "services";

    public static bool IsTrack(string? track) => track is Goods or Services;

    public static bool OnTrack(ContentEntry stop, string track) => stop.Meta("track") is var t && (t == track || t == "both");

    public static List<ContentEntry> Stops(ContentStore store, string track) =>
        store.Collection("roadmap").Where(s => OnTrack(s, track)).ToList();
}
