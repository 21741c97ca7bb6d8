using Emr.V20190103;

namespace Layouts.LibA;

/// <summary>The library's public API keeps the generated types to itself.</summary>
public static class Requests
{
    public static string Placement(string zone) => new Placement { Zone = zone }.ToJson();
}
