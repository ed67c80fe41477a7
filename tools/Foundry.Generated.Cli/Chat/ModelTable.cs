using System.IO;
using System.Linq;
using Foundry.Generated;

namespace Foundry.Generated.Cli.Chat;

/// <summary>The catalog as a table: id, RID, routes, lifecycle.</summary>
internal static class ModelTable
{
    public static void Write(TextWriter output)
    {
        var rows = FoundryModels.All
            .Select(m => (m.Id, m.Rid, Routes: string.Join(",", m.Routes.Select(RouteChoice.ShortName)), Lifecycle: m.Lifecycle.ToString().ToLowerInvariant() + (m.LifecycleDate is null ? string.Empty : " " + m.LifecycleDate)))
            .ToList();
        var idWidth = rows.Max(r => r.Id.Length);
        var ridWidth = rows.Max(r => r.Rid.Length);
        var routeWidth = rows.Max(r => r.Routes.Length);
        output.WriteLine($"{"MODEL".PadRight(idWidth)}  {"RID".PadRight(ridWidth)}  {"ROUTES".PadRight(routeWidth)}  LIFECYCLE");
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Id.PadRight(idWidth)}  {row.Rid.PadRight(ridWidth)}  {row.Routes.PadRight(routeWidth)}  {row.Lifecycle}");
        }

        output.WriteLine($"{rows.Count} models");
    }
}
