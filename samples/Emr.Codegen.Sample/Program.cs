using Emr.V20190103;

// A valid CreateInstance request, built with the types generated from the spec.
var request = new CreateInstanceRequest
{
    ProductId = ProductId.EmrV2_3_0,
    VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" },
    Software = ["hdfs-2.8.5", "yarn-2.8.5", "hive-2.3.2"],
    ResourceSpec = new NewResourceSpec
    {
        MasterCount = 1,
        CoreCount = 2,
        MasterResourceSpec = new Resource { Spec = "CVM.S2", StorageType = 5, DiskType = "CLOUD_PREMIUM", MemSize = 8192, Cpu = 4, DiskSize = 100 },
        CoreResourceSpec = new Resource { Spec = "CVM.S2", StorageType = 5, DiskType = "CLOUD_PREMIUM", MemSize = 8192, Cpu = 4, DiskSize = 100 },
    },
    SupportHA = SupportHA.Disabled,
    InstanceName = "emr-sample_01",
    PayMode = PayMode.PayAsYouGo,
    Placement = new Placement { Zone = "ap-guangzhou-3" },
    TimeSpan = 3600,
    TimeUnit = TimeUnit.Seconds,
    LoginSettings = new LoginSettings { Password = "Sample@2019x" },
};

// `serve URLFILE` runs a local stand-in for the API; `send URL` sends this request to it through the generated client.
if (args is ["serve", string urlFile])
{
    await StandInServer.RunAsync(urlFile);
    return 0;
}

if (args is ["send", string endpoint])
{
    return await SendSample.RunAsync(new Uri(endpoint), request);
}

Console.WriteLine($"Action {ApiMetadata.CreateInstance.Name}, version {ApiMetadata.CreateInstance.Version}, at most {ApiMetadata.CreateInstance.RateLimitPerSecond} requests/s, endpoint {ApiMetadata.GetEndpoint("ap-guangzhou")}");
// ToJson() and ToFormString() are what is sent, secrets included: log ToString(), which masks the sensitive members.
string body = request.ToJson();
Console.WriteLine("Request (masked as ToString() masks it: LoginSettings.Password is not shown):");
Console.WriteLine(request);
Console.WriteLine($"Request JSON body: {System.Text.Encoding.UTF8.GetByteCount(body)} bytes, {request.ToFormParameters().Count} form parameters (not printed: they carry the password)");
Console.WriteLine($"Validation problems: {request.Validate().Count}");

// An error response as the API returns it, parsed into the generated error-code type.
var response = CreateInstanceResponse.ParseEnvelope("""
    {"Response": {"Error": {"Code": "InvalidParameter.InvalidTimeUnit", "Message": "TimeUnit must be s for pay-as-you-go"}, "RequestId": "d830face-6587-4263-8ab0-56bda265787d"}}
    """);
ApiErrorCode code = response.Error!.Code;
Console.WriteLine($"Error response: {code.Code} (known: {code.IsKnown}, kind: {code.Kind}, category: {code.Category}): {code.Description}");

return 0;
