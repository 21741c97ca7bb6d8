using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Generator.Emit;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// What one generated file needs, and nothing more: a change to one object of the spec changes
    /// only that object's model, so only its file is generated again.
    /// </summary>
    internal abstract record FileModel(string Namespace, string Visibility)
    {
        public abstract string HintName { get; }

        /// <summary>Splits the part of a spec the settings select into the models of its generated files.</summary>
        public static IEnumerable<FileModel> Plan(SpecModel? fullSpec, GeneratorSettings settings, HostingSupport hosting)
        {
            if (fullSpec is null)
            {
                yield break;
            }

            SpecModel spec = settings.Select(fullSpec);
            string ns = spec.Namespace;
            string visibility = settings.Visibility;
            var enumsByName = spec.Enums.ToDictionary(e => e.Name);
            yield return new ErrorCodesFileModel(ns, visibility, spec.ErrorCodes);
            yield return new MetadataFileModel(ns, visibility, spec.ServiceShortName, spec.ApiVersion, spec.Endpoints, spec.Actions);
            yield return new JsonResolverFileModel(ns, visibility, spec.Objects.Select(o => o.Name).Concat(spec.Enums.Select(e => e.Name)).ToEquatableArray());
            var clients = ClientFileModel.PlanClient(spec, visibility).ToList();
            foreach (ClientFileModel client in clients)
            {
                yield return client;
            }

            foreach (EnumModel item in spec.Enums)
            {
                yield return new EnumFileModel(ns, visibility, item);
            }

            foreach (ObjectModel item in spec.Objects)
            {
                var enumKinds = item.Members
                    .Where(m => m.Enum != null && enumsByName.ContainsKey(m.Enum))
                    .Select(m => enumsByName[m.Enum!])
                    .Distinct()
                    .ToEquatableArray();
                yield return new ObjectFileModel(ns, visibility, item, enumKinds, SpecWriter.WriteAnalysisFragment(fullSpec, item));
            }

            // Last: the step's outputs are compared by position, so a project that starts referencing the hosting
            // libraries adds this file without moving (and regenerating) the others.
            foreach (ClientFileModel client in clients.Where(_ => hosting.HttpClientFactory))
            {
                yield return new DependencyInjectionFileModel(ns, visibility, client.ClientName, client.InterfaceName, client.ServiceCollectionName, hosting.Configuration);
            }
        }
    }

    /// <summary>
    /// <c>services.AddEmrClient(...)</c> for a project that references Microsoft.Extensions.Http: the client as a typed
    /// HttpClient of <c>IHttpClientFactory</c>, registered as its interface; with <c>BindsConfiguration</c>, an overload
    /// that reads a configuration section.
    /// </summary>
    internal sealed record DependencyInjectionFileModel(string Namespace, string Visibility, string ClientName, string InterfaceName, string ClassName, bool BindsConfiguration) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + "." + ClassName + ".g.cs";
    }

    internal sealed record ErrorCodesFileModel(string Namespace, string Visibility, EquatableArray<ErrorCodeModel> ErrorCodes) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + ".ApiErrorCode.g.cs";
    }

    internal sealed record MetadataFileModel(string Namespace, string Visibility, string ServiceShortName, string ApiVersion, EndpointModel Endpoints, EquatableArray<ActionModel> Actions) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + ".ApiMetadata.g.cs";
    }

    internal sealed record JsonResolverFileModel(string Namespace, string Visibility, EquatableArray<string> TypeNames) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + ".ApiJsonResolver.g.cs";
    }

    internal sealed record EnumFileModel(string Namespace, string Visibility, EnumModel Enum) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + "." + Enum.Name + ".g.cs";
    }

    internal sealed record ObjectFileModel(string Namespace, string Visibility, ObjectModel Object, EquatableArray<EnumModel> Enums, string AnalysisFragment) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + "." + Object.Name + ".g.cs";
    }
}
