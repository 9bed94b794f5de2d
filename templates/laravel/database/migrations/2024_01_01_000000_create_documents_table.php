<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('documents', function (Blueprint $table) {
            $table->id();
            $table->string('title', 200);
            $table->text('body');
            $table->string('notify_email')->nullable();
            $table->string('status', 20)->default('queued')->index();
            $table->unsignedInteger('word_count')->nullable();
            $table->unsignedInteger('reading_minutes')->nullable();
            $table->json('keywords')->nullable();
            $table->text('failure_reason')->nullable();
            $table->timestamp('analyzed_at')->nullable();
            $table->timestamps();
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('documents');
    }
};
