<?php

namespace App\Http\Controllers;

use Illuminate\Http\JsonResponse;

class OpenApiController extends Controller
{
    /**
     * GET /openapi.json: the OpenAPI 3.1 description of /api
     * (resources/openapi.json; tests/Feature/OpenApiTest.php keeps it true).
     */
    public function __invoke(): JsonResponse
    {
        $document = json_decode((string) file_get_contents(resource_path('openapi.json')), true, flags: JSON_THROW_ON_ERROR);
        $document['info']['title'] = config('app.name').' API';

        return response()->json($document, options: JSON_UNESCAPED_SLASHES);
    }
}
