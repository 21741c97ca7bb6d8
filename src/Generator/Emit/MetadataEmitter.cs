using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>Emits the API's metadata: version, endpoints, and per action its name, rate limit and error codes.</summary>
    internal static class MetadataEmitter
    {
        public static string Emit(MetadataFileModel file)
        {
            string ns = file.Namespace;
            var w = new CodeWriter();
            Types.Header(w, ns);
            w.Line("/// <summary>Facts about the API from the spec's metadata.</summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " static class ApiMetadata");
            w.Line("/// <summary>The service's short name.</summary>");
            w.Line("public const string Service = " + CSharpNames.StringLiteral(file.ServiceShortName) + ";");
            w.Line();
            w.Line("/// <summary>The API version every action sends as <c>Version</c>.</summary>");
            w.Line("public const string ApiVersion = " + CSharpNames.StringLiteral(file.ApiVersion) + ";");
            if (file.Endpoints.DefaultDomain != null)
            {
                w.Line();
                w.Line("/// <summary>The endpoint domain for regions without one of their own.</summary>");
                w.Line("public const string DefaultDomain = " + CSharpNames.StringLiteral(file.Endpoints.DefaultDomain) + ";");
                w.Line();
                w.Line("/// <summary>The endpoint domain for a region: regions such as Finance regions have their own.</summary>");
                w.Open("public static string GetEndpoint(string region) => region switch");
                foreach (RegionEndpointModel region in file.Endpoints.Regions)
                {
                    w.Line(CSharpNames.StringLiteral(region.Region) + " => " + CSharpNames.StringLiteral(region.Domain) + ",");
                }

                w.Line("_ => DefaultDomain,");
                w.Close(";");
            }

            IReadOnlyList<string> classNames = GeneratedNames.ActionClassNames(file.Actions.Select(a => a.Name).ToList());
            for (int i = 0; i < file.Actions.Count; i++)
            {
                ActionModel action = file.Actions[i];
                string name = classNames[i];
                w.Line();
                DocRenderer.WriteSummary(w, action.Document, action.Title.Length > 0 ? action.Title : null);
                if (action.Status == "deprecated")
                {
                    w.Line("/// <remarks>The API marks this action deprecated.</remarks>");
                }

                w.Open("public static class " + name);
                w.Line("/// <summary>The value of the <c>Action</c> parameter.</summary>");
                w.Line("public const string Name = " + CSharpNames.StringLiteral(action.Name) + ";");
                w.Line();
                w.Line("/// <summary>The value of the <c>Version</c> parameter.</summary>");
                w.Line("public const string Version = " + CSharpNames.StringLiteral(file.ApiVersion) + ";");
                if (action.RateLimitPerSecond is int limit)
                {
                    w.Line();
                    w.Line("/// <summary>At most this many requests per second.</summary>");
                    w.Line("public const int RateLimitPerSecond = " + limit.ToString(CultureInfo.InvariantCulture) + ";");
                }

                w.Line();
                w.Line("/// <summary>The request type.</summary>");
                w.Line("public static global::System.Type RequestType => typeof(" + Types.Global(ns, action.Input) + ");");
                w.Line();
                w.Line("/// <summary>The response type.</summary>");
                w.Line("public static global::System.Type ResponseType => typeof(" + Types.Global(ns, action.Output) + ");");
                w.Line();
                w.Line("/// <summary>The error codes this action may return.</summary>");
                w.Line("public static global::System.Collections.Generic.IReadOnlyList<global::" + ns + ".ApiErrorCode> ErrorCodes { get; } = new global::" + ns + ".ApiErrorCode[] { " + string.Join(", ", action.ErrorCodes.Select(c => CSharpNames.StringLiteral(c))) + " };");
                w.Close();
            }

            w.Close();
            return w.ToString();
        }
    }
}
