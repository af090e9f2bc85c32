using System;
using System.IO;
using System.Text.Json;

namespace Altostrat.Emulator;

/// <summary>
/// What scripts that start the emulator need to know once it listens (URL, token, each site's router address),
/// as a JSON file written whole (to a temporary name, then renamed), so a reader never sees half of it and never
/// has to scrape the human banner.
/// </summary>
public static class ReadyFile
{
    public static void Write(string path, EmulatorHost host)
    {
        var temporary = path + ".tmp";
        // Only this user may read it: it holds the token.
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, create))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("apiUrl", host.Url.AbsoluteUri);
            json.WriteString("token", host.Token);
            json.WriteStartObject("routers");
            if (host.State.Routers is { } routers)
                foreach (var (site, router) in routers.BySite) json.WriteString(site, $"{router.Host}:{router.Port}");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
    }
}
