using Emr.V20190103;

namespace Layouts.Library;

/// <summary>The library's API takes the generated request type.</summary>
public static class ClusterClient
{
    public static string Describe(CreateInstanceRequest request) => request.ToFormString();
}
