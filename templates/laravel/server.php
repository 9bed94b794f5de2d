<?php

/*
| Router script for PHP's built-in web server (`php artisan serve` on Laravel 8):
| existing files under public/ are served as they are, everything else goes to
| public/index.php. Laravel 9 and later ship their own copy and ignore this one.
*/
$uri = urldecode(
    parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? ''
);

if ($uri !== '/' && file_exists(__DIR__.'/public'.$uri)) {
    return false;
}

require_once __DIR__.'/public/index.php';
