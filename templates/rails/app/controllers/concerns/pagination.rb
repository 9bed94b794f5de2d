# Page-number pagination for index actions: `?page=2&per_page=10`.
#
# `paginate(scope)` returns that page's records and its meta data, and sets the
# `Link` (first/prev/next/last, RFC 8288) and `X-Total-Count` headers, so clients can
# use either the body or the headers. A page past the last one is an empty page; a
# `page` or `per_page` that is not a whole number in range answers 400.
module Pagination
  extend ActiveSupport::Concern

  DEFAULT_PER_PAGE = 20
  MAX_PER_PAGE = 100
  # Keeps the OFFSET far inside a 64-bit integer on every database.
  MAX_PAGE = 1_000_000

  private

  def paginate(scope)
    per_page = integer_param(:per_page, DEFAULT_PER_PAGE, 1..MAX_PER_PAGE)
    page = integer_param(:page, 1, 1..MAX_PAGE)
    total_count = scope.count
    total_pages = [ (total_count + per_page - 1) / per_page, 1 ].max

    response.headers["Link"] = pagination_links(page, per_page, total_pages)
    response.headers["X-Total-Count"] = total_count.to_s

    records = scope.offset((page - 1) * per_page).limit(per_page)
    meta = { page: page, per_page: per_page, total_pages: total_pages, total_count: total_count }
    [ records, meta ]
  end

  # The parameter as an Integer within `range`, `default` when absent; raises
  # ApplicationController::InvalidParameter for "abc", "1.5", "-1", "99999999999999999999"
  # or page[]=1.
  def integer_param(name, default, range)
    value = params[name]
    return default if value.nil?

    number = Integer(value, 10, exception: false) if value.is_a?(String) && value.match?(/\A\d{1,10}\z/)
    return number if number && range.cover?(number)

    raise ApplicationController::InvalidParameter, "#{name} must be a whole number from #{range.min} to #{range.max}"
  end

  def pagination_links(page, per_page, total_pages)
    pages = { first: 1, last: total_pages }
    pages[:prev] = page - 1 if page > 1 && page <= total_pages
    pages[:next] = page + 1 if page < total_pages
    pages.map { |rel, number| %(<#{page_url(number, per_page)}>; rel="#{rel}") }.join(", ")
  end

  def page_url(number, per_page)
    query = request.query_parameters.merge("page" => number, "per_page" => per_page).to_query
    "#{request.base_url}#{request.path}?#{query}"
  end
end
